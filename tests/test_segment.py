"""Headings become sections; sentences never cross a heading or a paragraph."""
from __future__ import annotations

import pytest

from data_prep.records import Article
from data_prep.segment import article_names, model_text, parse_article, split_blocks

SEED_HEADINGS = ["Introduction", "Strategic Shift in U.S. Policy", "North Korean Military Support",
                 "Biden's Reluctance and Current Decision", "Impact of Upcoming U.S. Leadership",
                 "Conclusion", "Geopolitical Implications"]


def test_seed_has_seven_sections_and_no_heading_in_a_sentence(parse, seed_text):
    article, sentences = parse(seed_text, "2024-11-17")
    sections = list(dict.fromkeys(s.section for s in sentences))
    assert sections == SEED_HEADINGS
    for sentence in sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
        assert not any(sentence.text.startswith(h + "\n") or h + "\n" in sentence.text
                       for h in SEED_HEADINGS)
    assert [s.sentence_id for s in sentences] == list(range(len(sentences)))


@pytest.mark.parametrize("line, heading", [
    ("Introduction", True),
    ("What happens next", True),
    ("Talks Resume in Geneva After Long Pause", True),
    ("The minister said the talks would resume.", False),
    ("He said talks would resume in Geneva after a long pause and more", False),
    ("\u201cWe will not give up,\u201d", False),
    ("lowercase start heading", False),
])
def test_heading_detection(line, heading):
    text = f"{line}\nA following paragraph ends here."
    blocks = split_blocks(text)
    assert blocks[0].heading is heading


def test_hard_wrapped_paragraph_is_one_block():
    text = ("The council met on Monday and voted\nto close the bridge for repairs\n"
            "until the spring.\n\nA second paragraph.")
    blocks = split_blocks(text)
    assert [(b.heading, text[b.start:b.end].count("\n")) for b in blocks] == [(False, 2), (False, 0)]


def test_last_line_is_never_a_heading():
    assert split_blocks("Body sentence one.\nSigned Off By Nobody")[-1].heading is False


def test_sentences_in_plain_paragraphs(parse):
    text = "Rain fell in Oslo. Roads flooded.\n\nThe mayor spoke on Tuesday."
    article, sentences = parse(text)
    assert [s.text for s in sentences] == ["Rain fell in Oslo.", "Roads flooded.",
                                           "The mayor spoke on Tuesday."]
    assert all(s.section is None for s in sentences)


def test_article_without_paragraphs_still_yields(nlp):
    from data_prep.records import Article
    from data_prep.segment import parse_articles

    articles = [Article("a", "One sentence."), Article("b", "  \n "), Article("c", "Two.")]
    got = [(a.article_id, len(s)) for a, s in parse_articles(articles, nlp)]
    assert got == [("a", 1), ("b", 0), ("c", 1)]


def test_a_blank_line_ends_a_paragraph_without_final_punctuation():
    text = "a note that trails off\n\nThe Next Part\nBody of the next part."
    blocks = [(b.heading, text[b.start:b.end]) for b in split_blocks(text)]
    assert blocks == [(False, "a note that trails off"), (True, "The Next Part"),
                      (False, "Body of the next part.")]


def test_an_over_long_paragraph_is_cut_at_whitespace():
    from data_prep.segment import MAX_PARAGRAPH_CHARS

    text = "word " * (MAX_PARAGRAPH_CHARS // 2) + "end."
    blocks = split_blocks(text)
    assert len(blocks) == 3
    assert all(b.end - b.start <= MAX_PARAGRAPH_CHARS for b in blocks)
    assert " ".join(text[b.start:b.end] for b in blocks) == text.strip()


def test_an_over_long_paragraph_is_cut_after_a_full_stop():
    from data_prep.segment import MAX_PARAGRAPH_CHARS

    sentence = "Shelling continued near the river. "
    text = sentence * (MAX_PARAGRAPH_CHARS // len(sentence) + 5)
    blocks = split_blocks(text)
    assert len(blocks) == 2
    assert text[blocks[0].start:blocks[0].end].endswith("river.")


def test_a_long_article_comes_in_windows_with_continuing_sentence_ids(nlp, monkeypatch):
    from data_prep import segment
    from data_prep.records import Article

    text = "\n\n".join(f"Paragraph {i} says the talks went on." for i in range(12))
    article = Article("long", text)
    whole = [s.text for _, sentences in segment.parse_articles([article], nlp) for s in sentences]
    windows = list(segment.parse_articles([article, Article("next", "Two.")], nlp, window_chars=120))
    assert len(windows) > 3 and {a.article_id for a, _ in windows[:-1]} == {"long"}
    ids = [s.sentence_id for a, sentences in windows[:-1] for s in sentences]
    assert ids == list(range(len(whole)))
    assert [s.text for _, sentences in windows[:-1] for s in sentences] == whole
    assert windows[-1][0].article_id == "next" and windows[-1][1][0].sentence_id == 0


def test_a_batch_is_cut_at_its_character_budget(nlp, monkeypatch):
    from data_prep import segment

    sizes = []
    real_pipe = nlp.pipe

    class Spy:
        pipe_names = nlp.pipe_names

        def pipe(self, items, **kwargs):
            sizes.append(sum(len(t) for t, _ in items))
            return real_pipe(items, **kwargs)

    monkeypatch.setattr(segment, "BATCH_CHARS", 100)
    items = [("Word " * 10, i) for i in range(7)]  # 50 characters each
    assert [c for _, c in segment._pipe(Spy(), items, batch_size=64)] == list(range(7))
    assert sizes == [100, 100, 100, 50]


def test_the_parse_skips_the_lemmatizer_and_lemma_gives_what_it_would(nlp):
    from data_prep.nlp import lemma

    text = ("The ministers were gonna meet, but talks ain't over: Russia's forces struck "
            "cities, and officials said they will be buying better-armoured vehicles.")
    parsed = parse_article(Article("a", text), nlp)
    tokens = [t for s in parsed for t in s.span]
    assert any(t.lemma == 0 for t in tokens)  # the pass did not run
    full = nlp(text)  # the whole model, lemmatizer included
    assert [lemma(t) for t in tokens] == [t.lemma_ for t in full if not t.is_space]
    assert {"go", "be", "strike", "buy", "minister"} <= {lemma(t) for t in tokens}


# All-caps lines are read as if cased; offsets stay those of the original text.
@pytest.mark.parametrize("text, expected", [
    ("PRIME MINISTER VISITS THE NEW FACTORY", "Prime Minister Visits the New Factory"),
    ("OFFICIALS IN THE US AND EU MET", "Officials in the US and EU Met"),   # two-letter names stay
    ("BBC SPORT", "BBC Sport"),                                              # no vowel: an acronym
    ("HOCKEY - Smith scored twice.", "Hockey - Smith scored twice."),       # a slug before a dash
    ("An ordinary line with NASA in it.", "An ordinary line with NASA in it."),
])
def test_model_text_recases_capital_lines(text, expected):
    assert model_text(text) == expected
    assert len(model_text(text)) == len(text)


def test_model_text_capitalises_only_the_article_names():
    names = article_names("Odile Marchand met officials in Geneva. The talks ended and Marchand left.")
    assert model_text("MARCHAND LEAVES GENEVA AFTER TALKS", frozenset(), names) == (
        "Marchand leaves Geneva after talks")


def test_model_text_keeps_an_outlets_name_in_its_promo_line():
    names = article_names("Officials met in Geneva on Monday.")
    assert model_text("TAP HERE TO STREAM FOX NEWS TONIGHT", frozenset(), names) == (
        "Tap here to stream Fox News tonight")


def test_model_text_keeps_the_article_acronyms():
    assert model_text("FIFA BANS THE CLUB", frozenset({"FIFA"})) == "FIFA Bans the Club"


def test_names_in_capital_lines_are_found_at_their_offsets(parse):
    from data_prep.mentions import extract_mentions
    from data_prep.resources import load_resources

    text = ("SENATOR MARGARET HOLLOWAY CRITICISES THE PLAN FOR LISBON.\n\n"
            "GOLF - Rory Tanner won the title in Madrid on Sunday, and Senator Margaret Holloway "
            "flew home to Lisbon.")
    article, sentences = parse(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    found = {m["surface"]: m for m in extract_mentions(article, sentences, load_resources())}
    assert found["MARGARET HOLLOWAY"]["kind"] == "person"
    assert found["LISBON"]["country_code"] == "PT"
    assert "GOLF" not in found


def test_datelines_and_bylines_are_rows_with_their_names(parse):
    from data_prep.mentions import extract_mentions
    from data_prep.resources import load_resources

    text = ("GDANSK, Poland, 4 March 2025\n\nBy Marta Kowalczyk\n\n"
            "Dockworkers in the city walked out on Tuesday over pay.\n\n"
            "Marta Kowalczyk, Gdansk")
    article, sentences = parse(text, published="2025-03-05")
    headings = [s for s in sentences if s.heading]
    assert [s.text for s in headings] == ["GDANSK, Poland, 4 March 2025", "By Marta Kowalczyk"]
    body = next(s for s in sentences if not s.heading)
    assert body.section == "By Marta Kowalczyk"
    found = extract_mentions(article, sentences, load_resources())
    rows = {s.sentence_id: s for s in sentences}
    for m in found:  # every mention points at a row whose text contains it
        row = rows[m["sentence_id"]]
        assert row.start <= m["start"] < m["end"] <= row.end
    in_headings = {m["surface"] for m in found if rows[m["sentence_id"]].heading}
    assert {"Poland", "Marta Kowalczyk"} <= in_headings
    from data_prep.dates import extract_events

    dated = [(e["surface"], str(e["date"])[:10]) for e in extract_events(article, sentences, load_resources())
             if rows[e["sentence_id"]].heading]
    assert dated == [("4 March 2025", "2025-03-04")]
