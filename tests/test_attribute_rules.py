"""The attribute rules by lookup give exactly what the model's own attribute_ruler gives."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

from data_prep.attribute_rules import FastAttributeRuler, use_fast_attribute_ruler
from data_prep.nlp import load_model, load_shipped_model

# Text of our own touching every kind of rule: the tag map, word exceptions by tag ("is",
# "not", "'s"), dependency-based ones ("I" as subject and object, "do" as main verb and
# auxiliary, "there is"), two-token ones ("gon na", "got ta", "let's", "y'all", "ain't"), the
# regex ones ("nothin'"), and whitespace tokens.
TEXTS = [
    "The minister said it was not over. I told him and he told me, but it's ours.",
    "They're gonna win, y'all know it. Let's go! We gotta leave, ain't that right?",
    "Nothin' doin', said the ol' man; 'em lads are somethin'.  Two spaces, then\n\na break.",
    "There is a plan and there are fears. Do you do this? Did they have it? Has he?",
    "KYIV (Reuters) - Russian forces shelled 12 towns on Friday, officials said.\n",
    "Whether or not that is so, whilst we can't, you should; if so, he'd have had it.",
    "   ",
    "",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP]


def _both(texts):
    nlp = load_shipped_model()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        yield ruler(doc.copy()), fast(doc.copy())


def test_the_same_attributes_as_the_models_ruler():
    compared = 0
    for shipped, fast in _both(TEXTS * 2):  # the second time from the signature cache
        assert shipped.to_array(COLUMNS).tolist() == fast.to_array(COLUMNS).tolist()
        compared += len(shipped)
    assert compared > 150


def test_the_rules_change_what_the_tagger_gave():
    """Not a no-op: POS comes from the rules, and "'s" after "it" is read as "be"."""
    shipped, fast = next(_both(["It's over."]))
    assert [t.pos_ for t in fast] == [t.pos_ for t in shipped] == ["PRON", "AUX", "ADV", "PUNCT"]
    assert fast[1].lemma_ == "be"


def test_the_prep_runs_the_lookup_in_the_rulers_place():
    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names == load_shipped_model().pipe_names


def test_a_pattern_it_cannot_read_keeps_the_models_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    use_fast_attribute_ruler(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp("very very good")[1].lemma_ == "very"
