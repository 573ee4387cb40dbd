"""Editors' flows in headless Chromium against the app on a real loopback port."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from evidence.config import ReviewSettings
from review_app.publishing import publish

EDITOR = "ada"
DISEASE = "Whipple disease"


def decision(app_server, excerpt_id: str) -> tuple | None:
    with app_server.warehouse.read() as conn:
        return conn.execute(
            "SELECT status, reason, hpo_id, editor FROM decisions WHERE excerpt_id = ?",
            [excerpt_id],
        ).fetchone()


def audit(app_server, excerpt_id: str) -> list[tuple]:
    with app_server.warehouse.read() as conn:
        return conn.execute(
            "SELECT action, editor, before_state, after_state FROM audit_log "
            "WHERE excerpt_id = ? ORDER BY audit_id",
            [excerpt_id],
        ).fetchall()


def test_wrong_password_is_refused_then_sign_in_works(app_server, page: Page, credentials):
    editor, password = credentials
    page.goto(app_server.base_url + "/queue")
    page.get_by_label("Editor name").fill(editor)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("unknown editor or wrong password")
    page.get_by_label("Editor name").fill(editor)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(app_server.base_url + "/queue")
    expect(page.locator("#match-count")).to_have_text("9")


def test_filter_then_approve_with_keyboard(app_server, page: Page, output_dir: Path, sign_in):
    sign_in(app_server.base_url)
    page.get_by_label("Disease", exact=True).select_option("Tropical sprue")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#match-count")).to_have_text("2")
    cards = page.locator("#queue .card")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Tropical sprue")
    page.screenshot(path=str(output_dir / "review-queue.png"), full_page=True)

    second = cards.nth(1).get_attribute("data-id")
    page.keyboard.press("j")
    expect(cards.nth(1)).to_have_class("card status-unreviewed current")
    page.keyboard.press("a")
    expect(page.get_by_role("status")).to_contain_text("Approved 1 excerpt")
    expect(page.locator("#match-count")).to_have_text("1")  # filter kept across the POST
    assert decision(app_server, second) == ("approved", None, None, EDITOR)
    [(action, editor, before, after)] = audit(app_server, second)
    assert (action, editor, json.loads(before)) == ("approve", EDITOR, None)
    assert json.loads(after)["status"] == "approved"


def test_reject_with_reason_by_keyboard_then_undo(app_server, page: Page, sample, sign_in):
    target = sample.ids["diarrhea"]
    sign_in(app_server.base_url)
    page.get_by_label("Symptom", exact=True).select_option(label="Diarrhea")
    page.get_by_label("Source", exact=True).select_option("pubmed")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#match-count")).to_have_text("1")
    page.keyboard.press("r")  # focuses the reason of the current excerpt
    page.keyboard.type("describes a different population")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Rejected 1 excerpt")
    assert decision(app_server, target) == (
        "rejected",
        "describes a different population",
        None,
        EDITOR,
    )

    page.get_by_label("Status", exact=True).select_option("rejected")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(f"#c-{target} .status")).to_have_text(
        f"rejected: describes a different population ({EDITOR})"
    )

    page.keyboard.press("u")
    expect(page.get_by_role("status")).to_contain_text("Undid your last action")
    expect(page.locator("#match-count")).to_have_text("0")
    assert decision(app_server, target) is None
    actions = [(a, json.loads(b), json.loads(af)) for a, _, b, af in audit(app_server, target)]
    assert [a for a, _, _ in actions] == ["reject", "undo"]
    assert actions[1][1]["status"] == "rejected" and actions[1][2] is None


def test_retag_through_typeahead_moves_excerpt_on_published_page(
    app_server, page: Page, sample, tmp_path: Path, sign_in
):
    out = tmp_path / "site"
    publish(app_server.warehouse, app_server.settings, out)  # the state before the re-tag
    target = sample.ids["xss"]
    pages = app_server.base_url + "/pages/whipple-disease.html"
    page.goto(pages)
    symptom_of = page.locator(f"#x-{target}").locator("xpath=../preceding-sibling::h3[1]")
    expect(symptom_of).to_have_text("Abdominal pain")

    sign_in(app_server.base_url)
    card = page.locator(f"#c-{target}")
    card.get_by_label("Re-tag to symptom").press_sequentially("weight lo", delay=30)
    card.get_by_role("option", name="Weight loss HP:0001824").click()
    card.get_by_role("button", name="Re-tag").click()
    expect(page.get_by_role("status")).to_contain_text("Re-tagged 1 excerpt")
    expect(page.locator(f"#c-{target} .symptom")).to_have_text("Weight loss")
    expect(page.locator(f"#c-{target}")).to_contain_text("re-tagged from Abdominal pain")
    assert decision(app_server, target) == ("unreviewed", None, "HP:0001824", EDITOR)

    page.goto(pages)
    expect(symptom_of).to_have_text("Weight loss")
    expect(page.locator("h3", has_text="Abdominal pain")).to_have_count(0)
    expect(page.locator("details li.change-retagged")).to_contain_text(
        "retagged from Abdominal pain — Weight loss"
    )

    publish(app_server.warehouse, app_server.settings, out)
    page.goto((out / "whipple-disease.html").as_uri())
    page.locator("summary", has_text="Change log").click()
    latest = page.locator("details h4").first
    expect(latest).to_contain_text("UTC")
    expect(page.locator("details li.change-retagged")).to_have_count(1)
    data = json.loads((out / "whipple-disease.json").read_text())
    assert data["change_log"][0]["changes"][0]["change"] == "retagged"


def test_bulk_approve_and_approved_only_pages(app_server, page: Page, tmp_path: Path, sign_in):
    sign_in(app_server.base_url)
    page.get_by_label("Disease", exact=True).select_option(DISEASE)
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#match-count")).to_have_text("7")
    page.get_by_role("button", name="Approve all 7 matching").click()
    expect(page.get_by_role("status")).to_contain_text("Approved 7 excerpts")
    expect(page.locator("#match-count")).to_have_text("0")

    out = tmp_path / "site"
    publish(app_server.warehouse, ReviewSettings(publish_unreviewed=False), out)
    page.goto((out / "whipple-disease.html").as_uri())
    expect(page.locator("#presentation li")).to_have_count(5)
    expect(page.locator("#workup li")).to_have_count(1)
    expect(page.locator("#treatment li")).to_have_count(1)
    expect(page.locator(".badge", has_text="unreviewed")).to_have_count(0)
    page.goto((out / "tropical-sprue.html").as_uri())
    expect(page.get_by_text("No published evidence yet.")).to_be_visible()

    page.goto(app_server.base_url + "/queue")  # undo reverts the whole bulk action
    page.keyboard.press("u")
    expect(page.get_by_role("status")).to_contain_text("(7 excerpt(s))")
    expect(page.locator("#match-count")).to_have_text("9")


def test_xss_payload_is_shown_as_text(app_server, page: Page, sample, output_dir: Path, sign_in):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(app_server.base_url)
    card = page.locator(f"#c-{sample.ids['xss']}")
    expect(card.locator("blockquote")).to_contain_text('<img src=x onerror="alert(1)">')
    expect(card.locator("blockquote")).to_contain_text("<script>alert(2)</script>")
    expect(card.locator("blockquote img, blockquote script")).to_have_count(0)
    expect(card.locator("mark")).to_have_text("Weight loss")

    page.goto(app_server.base_url + "/pages/whipple-disease.html")
    item = page.locator(f"#x-{sample.ids['xss']}")
    expect(item).to_contain_text('<img src=x onerror="alert(1)"> was the first sign')
    expect(item.locator("img, script")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.screenshot(path=str(output_dir / "published-page-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.screenshot(path=str(output_dir / "published-page.png"), full_page=True)
    assert dialogs == []
