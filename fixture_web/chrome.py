"""Per-site page chrome: what surrounds an article on each fixture domain.

Real sites wrap the same article in very different boilerplate; extraction must keep the article
and drop the rest. `health-news.example` is deliberately noisy (scripts, a cookie banner, long
navigation, newsletter and comment blocks); the syndicated article shows identical bodies under
different chrome.
"""

from __future__ import annotations

from html import escape

from fixture_web.content import ATLAS, DIAB, FORUM, LIB, NEURO, NEWS, Article

SITE_NAMES = {
    NEURO: "Riverside Neurology Clinic",
    DIAB: "Diabetes Care Network",
    NEWS: "Health News Daily",
    ATLAS: "The Muscle Atlas",
    FORUM: "Patient Forum",
    LIB: "Medical Library",
}

_NOISY_HEAD = """
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
gtag('config', 'HN-TRACKER'); var symptomsOfTheDay = "thigh pain, hip pain, weight loss";</script>
<script src="/static/ads.js" async></script>
<style>.cookie-banner{position:fixed;bottom:0} .promo{color:red}</style>
"""

_NOISY_TOP = """
<div class="cookie-banner" id="cookie-consent">
  <p>We use cookies to improve your experience and to show you relevant adverts about
  muscle wasting and weight loss products. <button>Accept all</button> <button>Manage</button></p>
</div>
<nav class="mega-menu">
  <ul>
    <li><a href="/">Home</a></li><li><a href="/section/health">Health</a></li>
    <li><a href="/section/diabetes">Diabetes</a></li><li><a href="/section/brain">Brain</a></li>
    <li><a href="/section/fitness">Fitness</a></li><li><a href="/section/diet">Diet</a></li>
    <li><a href="/section/ageing">Ageing</a></li><li><a href="/section/sleep">Sleep</a></li>
    <li><a href="/section/video">Video</a></li><li><a href="/section/podcasts">Podcasts</a></li>
  </ul>
</nav>
<div class="promo">Trending: Ten signs of muscle weakness you should never ignore</div>
"""

_NOISY_BOTTOM = """
<aside class="newsletter"><h3>Newsletter</h3><p>Get the latest news about leg weakness and
diabetes straight to your inbox every morning.</p><form><input name="email"></form></aside>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/articles/gbs-explainer">Why
infections trigger nerve damage</a></li><li><a href="/articles/sma-gene-therapy">Gene therapy
hope</a></li></ul></aside>
<section class="comments"><h3>Comments (2)</h3><p class="comment">Great article, my hip pain
is much the same!</p><p class="comment">Share this with everyone you know.</p></section>
<script>document.querySelectorAll('.comment').forEach(function(c){c.dataset.seen = 1;});
var related = ["paresthesia", "muscle atrophy"]; console.log(related);</script>
"""


def _nav(host: str) -> str:
    links = {
        NEURO: [("/", "Home"), ("/conditions", "Conditions"), ("/clinic/visiting", "Visit")],
        DIAB: [("/", "Home"), ("/guides/nerve-complications", "Guides")],
        ATLAS: [("/", "Atlas home"), ("/muscles/quadriceps", "Muscles")],
        FORUM: [("/", "All threads"), ("/search", "Search"), ("/threads/script-test", "Test")],
        LIB: [("/", "Library"), ("/glossary/amyotrophy", "Glossary")],
        NEWS: [("/", "Home")],
    }[host]
    items = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for href, label in links)
    return f'<nav class="site-nav"><ul>{items}</ul></nav>'


def render_page(
    host: str,
    title: str,
    body_html: str,
    *,
    published: str = "",
    canonical: str = "",
    lang: str = "en",
    encoding: str = "utf-8",
    noisy: bool = False,
) -> bytes:
    """A whole HTML document for `host`, encoded as that page is served."""
    site = SITE_NAMES[host]
    meta = [f'<meta charset="{encoding}">', f"<title>{escape(title)} | {escape(site)}</title>"]
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    head = "\n".join(meta) + (_NOISY_HEAD if noisy else "")
    byline = f'<p class="byline"><time datetime="{published}">{published}</time></p>'
    top = _NOISY_TOP if noisy else ""
    bottom = _NOISY_BOTTOM if noisy else ""
    sidebar = ""
    if host == FORUM:
        sidebar = (
            '<aside class="sidebar"><h3>Forum rules</h3><p>Be kind. No medical advice. '
            "Posts are moderated.</p></aside>"
        )
    html = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
{head}
</head>
<body>
<header class="site-header"><a class="logo" href="/">{escape(site)}</a>{_nav(host)}</header>
{top}
<main>
<article>
<h1>{escape(title)}</h1>
{byline if published else ""}
{body_html}
</article>
</main>
{sidebar}
{bottom}
<footer><p>&copy; {escape(site)}. Fixture site for tests; not medical advice.</p></footer>
</body>
</html>
"""
    return html.encode(encoding)


def article_body(article: Article) -> str:
    """Sections as <h2> + <p>; paragraph text is inline HTML written in content.py."""
    parts: list[str] = []
    for heading, paragraphs in article.sections:
        if heading:
            parts.append(f"<h2>{escape(heading)}</h2>")
        parts.extend(f"<p>{p}</p>" for p in paragraphs)
    if article.links:
        items = "".join(f'<li><a href="{href}">{escape(href)}</a></li>' for href in article.links)
        parts.append(f'<h2>See also</h2><ul class="see-also">{items}</ul>')
    return "\n".join(parts)


def render_article(article: Article) -> bytes:
    """The article inside its site's chrome, encoded in the article's encoding."""
    return render_page(
        article.host,
        article.title,
        article_body(article),
        published=article.published,
        canonical=article.canonical,
        lang=article.lang,
        encoding=article.encoding,
        noisy="noisy" in article.tags,
    )
