"""The app over real HTTP on loopback: sign-in, CSRF, headers, public pages."""

from __future__ import annotations

import re

import httpx
import pytest


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def client(app_server):
    with httpx.Client(base_url=app_server.base_url, follow_redirects=False) as c:
        yield c


def _sign_in(client: httpx.Client, credentials) -> str:
    """Sign in through the form; the session's CSRF token from the queue page."""
    name, password = credentials
    form = client.get("/login")
    resp = client.post(
        "/login",
        data={"name": name, "password": password, "next": "/queue", "csrf_token": _csrf(form.text)},
    )
    assert resp.status_code == 303 and resp.headers["location"] == "/queue"
    return _csrf(client.get("/queue").text)


def _decisions(app_server) -> list[tuple]:
    with app_server.warehouse.read() as conn:
        return conn.execute("SELECT excerpt_id, status FROM decisions").fetchall()


def test_queue_needs_sign_in(client):
    resp = client.get("/queue?disease=Tropical+sprue")
    assert resp.status_code == 303
    assert resp.headers["location"] == "/login?next=%2Fqueue%3Fdisease%3DTropical%2Bsprue"
    assert client.get("/hpo/search?q=fever").status_code == 303


def test_posts_without_session_or_csrf_change_nothing(client, app_server, sample, credentials):
    target = f"/excerpts/{sample.ids['fatigue']}/approve"
    assert client.post(target, data={"csrf_token": "x"}).status_code == 401
    token = _sign_in(client, credentials)
    assert client.post(target, data={}).status_code == 403
    assert client.post(target, data={"csrf_token": token + "x"}).status_code == 403
    assert client.post("/bulk", data={"action": "approve"}).status_code == 403
    assert client.post("/undo", data={}).status_code == 403
    assert _decisions(app_server) == []
    assert client.post(target, data={"csrf_token": token}).status_code == 303
    assert _decisions(app_server) == [(sample.ids["fatigue"], "approved")]


def test_sign_in_form_needs_its_token_and_rejects_offsite_next(client, credentials):
    name, password = credentials
    resp = client.post("/login", data={"name": name, "password": password})
    assert resp.status_code == 403 and "session" not in str(resp.cookies)
    form = client.get("/login?next=//evil.example/")
    resp = client.post(
        "/login",
        data={
            "name": name,
            "password": password,
            "next": "//evil.example/",
            "csrf_token": _csrf(form.text),
        },
    )
    assert resp.headers["location"] == "/queue"


def test_sign_out_ends_the_session(client, credentials):
    token = _sign_in(client, credentials)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/queue").status_code == 303


def test_security_headers(client):
    resp = client.get("/login")
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert resp.headers["x-frame-options"] == "DENY"


def test_reject_without_reason_is_refused_with_a_message(client, app_server, sample, credentials):
    token = _sign_in(client, credentials)
    resp = client.post(
        f"/excerpts/{sample.ids['fatigue']}/reject",
        data={"csrf_token": token, "reason": "  "},
        follow_redirects=True,
    )
    assert "a rejection needs a reason" in resp.text
    assert _decisions(app_server) == []


def test_retag_to_unknown_term_is_refused(client, app_server, sample, credentials):
    token = _sign_in(client, credentials)
    resp = client.post(
        f"/excerpts/{sample.ids['fatigue']}/retag",
        data={"csrf_token": token, "hpo_id": "HP:9999999"},
        follow_redirects=True,
    )
    assert "HP:9999999 is not an HPO term" in resp.text
    assert _decisions(app_server) == []


def test_type_ahead_puts_terms_in_use_first(client, credentials):
    _sign_in(client, credentials)
    terms = client.get("/hpo/search", params={"q": "diarr"}).json()
    assert terms[0] == {
        "hpo_id": "HP:0002014",
        "label": "Diarrhea",
        "matched": "Diarrhea",
        "in_use": True,
    }
    assert len(terms) > 1


def test_published_json_orders_symptoms_and_never_shows_negated(client, sample):
    data = client.get("/pages/whipple-disease.json").json()
    assert [s["symptom"] for s in data["symptoms"]][:3] == ["Weight loss", "Arthralgia", "Diarrhea"]
    assert data["symptoms"][0]["reason"].startswith("3 independent sources, 1 from PubMed (33%)")
    shown = [e["excerpt_id"] for s in data["symptoms"] for e in s["excerpts"]]
    assert sample.ids["fever_negated"] not in shown
    assert "Fever" not in [s["symptom"] for s in data["symptoms"]]
    weight_loss = data["symptoms"][0]["excerpts"][0]
    assert [s["domain"] for s in weight_loss["sources"]] == [
        "pubmed.ncbi.nlm.nih.gov",
        "gut-health.example",
        "clinic-notes.example",
    ]
    assert data["references"][0]["authors"] == "Okafor AB, Lindqvist M, Tanaka S"
    assert client.get("/pages/no-such-disease.html").status_code == 404
    index = client.get("/pages/index.json").json()
    assert [e["slug"] for e in index] == ["tropical-sprue", "whipple-disease"]
