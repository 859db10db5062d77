"""Page templates that wrap a known article body the way saved news pages do, for bench.html_readers.

Each layout imitates a kind of news site and carries the clutter a saved page brings along:
cookie banners, navigation, breadcrumbs, bylines and datelines, share buttons, image captions,
newsletter promos and "Read more" links between paragraphs, related-article boxes, comment
threads with user names and long comments, and a footer with many links. All text here is
invented for the benchmark; the article itself (title, date, paragraphs) is passed in.

``render(layout, title=..., published=..., paragraphs=...)`` returns the HTML of one page;
``LAYOUTS`` names them in the order the benchmark cycles through.
"""
from __future__ import annotations

from datetime import datetime
from html import escape

__all__ = ["LAYOUTS", "is_heading", "render"]

SITE = "The Daily Ledger"
SECTIONS = ["Home", "World", "UK", "Business", "Politics", "Tech", "Science", "Health",
            "Sport", "Culture", "Opinion", "Travel", "Weather", "Video", "Podcasts"]
RELATED = [
    "Ministers promise review of rail timetable after week of delays",
    "Five things we learned from the quarterly trade figures",
    "Coastal towns count the cost of the winter storms",
    "Opinion: why the budget debate keeps missing the point",
    "Watch: rescue crews free a stranded whale off the headland",
    "Analysis: what the new rules mean for small landlords",
    "Live: markets react to the central bank announcement",
]
COMMENTS = [
    ("harbourwatcher", "I have read this twice now and I still do not understand why nobody "
     "in charge saw this coming. We were told the same thing last year and the year before, and "
     "every single time the people who pay for it are the ones who were never asked."),
    ("Marta_K", "Good piece, but it leaves out the part that matters most to those of us who "
     "live here: what happens next winter when the same problem comes back and the money has "
     "already been spent on consultants and press releases instead of repairs."),
    ("old_sceptic_42", "Another day, another headline. My grandfather used to say that the "
     "papers only ever tell you half the story and leave you to guess the rest, and reading the "
     "comments here I think he was right about most things, including this."),
    ("JennyFromTheBlock", "Replying to harbourwatcher: exactly this. I wrote to my councillor "
     "about it in March and got a form letter back thanking me for my views. Nobody reads these "
     "letters, they just count them and file them away somewhere in a basement."),
    ("quietreader", "Could the editors please stop putting every story behind a pop-up? I came "
     "here to read about the news, not to be asked three times whether I accept cookies, want "
     "the newsletter and would like to turn on notifications for breaking stories."),
]
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Terms of use", "Privacy policy",
          "Cookie settings", "Accessibility", "Help", "Newsletters", "Subscribe", "Archive",
          "Corrections", "Complaints", "Sitemap", "RSS feeds", "Apps", "Syndication"]
COOKIE = ("We use cookies and similar technologies to improve your experience, measure our "
          "audience and show you personalised advertising. You can change your choices at any "
          "time in Cookie settings.")
PROMO = ("Sign up to our morning briefing: the stories you need to know, in your inbox before "
         "breakfast every weekday.")
SHARE = ["Share on Facebook", "Share on X", "Share on WhatsApp", "Copy link", "Email"]
CAPTION = "Residents gathered outside the town hall on Monday evening. Photo: Staff photographer"


def _links(items: list[str], *, tag: str = "li") -> str:
    return "".join(f'<{tag}><a href="/{i}">{escape(text)}</a></{tag}>' for i, text in enumerate(items))


def is_heading(text: str) -> bool:
    """A crosshead in the corpus text: a short line without closing punctuation."""
    return len(text) < 70 and not text.rstrip().endswith(tuple(".?!:;,\"'”’)"))


def _paras(paragraphs: list[str], *, every: int, insert: str) -> str:
    """Paragraphs as <p> and crossheads as <h2>, with ``insert`` after every ``every``-th one
    (never after the last)."""
    out = []
    for i, text in enumerate(paragraphs, 1):
        tag = "h2" if is_heading(text) else "p"
        out.append(f"<{tag}>{escape(text)}</{tag}>")
        if i % every == 0 and i < len(paragraphs):
            out.append(insert)
    return "\n".join(out)


def _comments(*, wrap: str) -> str:
    items = []
    for n, (user, text) in enumerate(COMMENTS):
        items.append(wrap.format(user=escape(user), text=escape(text), n=n, likes=3 * n + 1))
    return "\n".join(items)


def _date_text(published: datetime | None) -> str:
    return published.strftime("%d %B %Y, %H:%M") if published else "Updated 2 hours ago"


def _head(title: str, published: datetime | None, *, meta: str) -> str:
    """<head> with the site's <title>; the date as a meta tag, JSON-LD or not at all."""
    parts = [f"<title>{escape(title)} | {SITE}</title>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width">',
             '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>',
             "<style>.promo{background:#eee}</style>"]
    if published and meta == "og":
        parts.append(f'<meta property="article:published_time" content="{published.isoformat()}">')
    if published and meta == "jsonld":
        parts.append('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
                     f'"{escape(title)}", "datePublished": "{published.isoformat()}"}}</script>')
    parts.append(f'<meta property="og:title" content="{escape(title)}">')
    return "<head>" + "".join(parts) + "</head>"


def _div_soup(title, published, paragraphs):
    """No <article> or <main>: everything is a div, the comments come right after the body."""
    comments = _comments(wrap='<div class="comment"><div class="comment-author">{user}</div>'
                              '<div class="comment-body"><p>{text}</p></div>'
                              '<div class="comment-actions">Reply · {likes} likes</div></div>')
    return f"""<!DOCTYPE html><html>{_head(title, published, meta="og")}<body>
<div id="cookie-banner"><p>{COOKIE}</p><a href="#">Accept all</a> <a href="#">Manage</a></div>
<div class="top-bar"><div class="logo">{SITE}</div><div class="menu"><ul>{_links(SECTIONS)}</ul></div></div>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></div>
<div class="story">
<h1 class="headline">{escape(title)}</h1>
<div class="byline">By Staff Reporter · {_date_text(published)}</div>
<div class="share">{_links(SHARE, tag="span")}</div>
<div class="story-body">
{_paras(paragraphs, every=3, insert=f'<div class="promo"><p>{PROMO}</p><a href="#">Sign up</a></div>')}
</div>
<div class="tags">Topics: <a href="/t/1">Europe</a> <a href="/t/2">Politics</a></div>
</div>
<div class="comments"><h3>Comments (5)</h3>{comments}</div>
<div class="more-stories"><h3>More stories</h3><ul>{_links(RELATED)}</ul></div>
<div class="site-footer"><ul>{_links(FOOTER)}</ul><p>© 2024 {SITE}. All rights reserved.</p></div>
</body></html>"""


def _article_inline(title, published, paragraphs):
    """<article> with inline "Read more" links, a related box and a caption inside it."""
    read_more = f'<p class="read-more"><strong>Read more:</strong> <a href="/r">{escape(RELATED[0])}</a></p>'
    comments = _comments(wrap='<li class="comment"><span class="user">{user}</span>'
                              '<p>{text}</p><span class="votes">{likes} recommend</span></li>')
    return f"""<!DOCTYPE html><html>{_head(title, published, meta="og")}<body>
<div class="consent"><p>{COOKIE}</p><button>OK</button></div>
<header><div class="logo">{SITE}</div><nav><ul>{_links(SECTIONS)}</ul></nav></header>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">By Anna Fielding, Political correspondent</p>
<p class="dateline">{_date_text(published)}</p>
<figure><img src="/photo.jpg" alt=""><figcaption>{escape(CAPTION)}</figcaption></figure>
{_paras(paragraphs, every=2, insert=read_more)}
<div class="related-box"><h4>Read more</h4><ul>{_links(RELATED[1:5])}</ul></div>
<div class="share-tools">{_links(SHARE, tag="span")}</div>
</article>
<section id="comments"><h2>Join the conversation</h2><ol>{comments}</ol></section>
</main>
<footer><ul>{_links(FOOTER)}</ul></footer>
</body></html>"""


def _main_thread(title, published, paragraphs):
    """<main> holding the story and then a long comment thread; the date only in JSON-LD."""
    comments = _comments(wrap='<div class="c"><p><b>{user}</b> wrote:</p><p>{text}</p></div>')
    return f"""<!DOCTYPE html><html>{_head(title, published, meta="jsonld")}<body>
<div id="gdpr"><p>{COOKIE}</p></div>
<div class="masthead"><span>{SITE}</span><div class="nav">{_links(SECTIONS, tag="span")}</div></div>
<main id="content">
<div class="crumbs"><a href="/">News</a> / <a href="/uk">UK</a></div>
<header class="story-header"><h1>{escape(title)}</h1><div class="meta">Published {_date_text(published)}</div></header>
<div class="article-body">
{_paras(paragraphs, every=4, insert=f'<div class="newsletter-inline"><p>{PROMO}</p><input type="email"><button>Sign up</button></div>')}
</div>
<div class="social">{_links(SHARE, tag="span")}</div>
<div class="discussion"><h2>Reader comments</h2><p>Showing 5 of 214 comments</p>{comments}</div>
<div class="recommended"><h2>Recommended for you</h2>{_links(RELATED, tag="p")}</div>
</main>
<div class="footer-links">{_links(FOOTER, tag="span")}</div>
</body></html>"""


def _teaser_cards(title, published, paragraphs):
    """A "Trending" rail of <article> teaser cards before the story, itself in an <article>."""
    cards = "".join(f'<article class="card"><a href="/c{i}"><h3>{escape(h)}</h3></a>'
                    f'<p>{escape(h)}. Read the full story.</p></article>' for i, h in enumerate(RELATED[:4]))
    comments = _comments(wrap='<article class="comment"><footer>{user} · 2 days ago</footer>'
                              '<div class="comment-content"><p>{text}</p></div></article>')
    return f"""<!DOCTYPE html><html>{_head(title, published, meta="og")}<body>
<div class="cookie-notice"><p>{COOKIE}</p></div>
<header><nav>{_links(SECTIONS, tag="span")}</nav></header>
<div class="trending"><h2>Trending</h2>{cards}</div>
<div class="layout">
<article class="post">
<header><h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta">Posted by editor on {_date_text(published)}</div></header>
<div class="entry-content">
{_paras(paragraphs, every=3, insert=f'<p class="inline-related"><em>See also:</em> <a href="/s">{escape(RELATED[2])}</a></p>')}
</div>
<div class="sharedaddy">{_links(SHARE, tag="span")}</div>
</article>
<div id="comments" class="comments-area"><h2>5 thoughts on this story</h2>{comments}</div>
<aside class="sidebar"><h3>Most read</h3><ol>{_links(RELATED)}</ol></aside>
</div>
<footer class="site-footer">{_links(FOOTER, tag="span")}</footer>
</body></html>"""


def _br_paragraphs(title, published, paragraphs):
    """An older layout: tables, one cell of text with paragraphs split by <br><br>."""
    body = "<br><br>\n".join(escape(p) for p in paragraphs)
    comments = _comments(wrap='<tr><td class="cmt"><b>{user}</b><br>{text}</td></tr>')
    return f"""<html>{_head(title, published, meta="none")}<body>
<table width="100%"><tr><td colspan="2" class="banner">{SITE} — {" | ".join(SECTIONS[:8])}</td></tr>
<tr><td class="leftnav" width="160">{_links(SECTIONS, tag="div")}</td>
<td class="main">
<div class="crumb">You are here: <a href="/">Home</a> &gt; <a href="/news">News</a></div>
<font size="5"><b class="title">{escape(title)}</b></font><br>
<i>{_date_text(published)}</i><br><br>
<div class="storytext">{body}</div>
<p><a href="/print">Printable version</a> | <a href="/mail">E-mail this story</a></p>
<table class="comments"><tr><th>Have your say</th></tr>{comments}</table>
<div class="links"><b>Related stories:</b><br>{_links(RELATED, tag="div")}</div>
</td></tr></table>
<div class="foot">{" · ".join(FOOTER)}</div>
</body></html>"""


def _live_figures(title, published, paragraphs):
    """<article> whose paragraphs alternate with figures, ads and share rows; <time> element."""
    ad = '<div class="ad-slot"><span>Advertisement</span><p>Story continues below advertisement</p></div>'
    fig = f'<figure class="inline"><img src="/p.jpg"><figcaption>{escape(CAPTION)}</figcaption></figure>'
    body = _paras(paragraphs, every=2, insert=ad + fig)
    time_el = (f'<time datetime="{published.isoformat()}">{_date_text(published)}</time>'
               if published else "")
    comments = _comments(wrap='<div class="reply" id="r{n}"><a class="name" href="/u/{n}">{user}</a>'
                              '<p>{text}</p></div>')
    return f"""<!DOCTYPE html><html>{_head(title, published, meta="none")}<body>
<div class="banner-cookie">{COOKIE} <a href="#">Accept</a></div>
<header class="site-header"><a href="/">{SITE}</a><ul class="menu">{_links(SECTIONS)}</ul></header>
<div class="container">
<ul class="breadcrumb">{_links(["Home", "News", "World"])}</ul>
<article class="story">
<h1>{escape(title)}</h1>
<div class="author-block"><img src="/a.jpg"><span>By Tom Reyes</span> {time_el}</div>
<ul class="share-bar">{_links(SHARE)}</ul>
<div class="story-text">
{body}
</div>
<div class="more-on-this"><h2>More on this story</h2><ul>{_links(RELATED[2:6])}</ul></div>
</article>
<div class="comment-section"><h2>Comments</h2>{comments}</div>
</div>
<footer><div class="cols">{_links(FOOTER, tag="div")}</div></footer>
</body></html>"""


LAYOUTS = {
    "div-soup": _div_soup,
    "article-inline-links": _article_inline,
    "main-with-thread": _main_thread,
    "teaser-cards": _teaser_cards,
    "br-table": _br_paragraphs,
    "figures-and-ads": _live_figures,
}


def render(layout: str, *, title: str, published: datetime | None, paragraphs: list[str]) -> str:
    """The HTML of one page: ``paragraphs`` as the article body inside ``layout``."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {sorted(LAYOUTS)}")
    return LAYOUTS[layout](title, published, paragraphs)
