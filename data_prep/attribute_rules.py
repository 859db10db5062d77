"""The model's attribute rules (tag -> POS and morphology, lemma exceptions), applied by lookup.

spaCy's ``attribute_ruler`` runs a ``Matcher`` of every one of its patterns (179 in
en_core_web_sm) over every token: a seventh of the model's time on news (25 s of CPU for the
shared corpus), more than all the prep's stages together. Almost all of the patterns look at one token only, and whether they match
depends only on that token's tag, lowercase form, dependency and whether it is a space. So the
rules' outcome is computed once per such token signature and reused: news repeats its
vocabulary, and most tokens cost a dictionary lookup. Patterns of several tokens (8, all
rare-word cues such as "gon na") are checked where their first token matches.

The result is the ruler's exactly: the same patterns, applied in the same order (a later rule
wins), are read from the loaded model; ``tests/test_attribute_rules.py`` compares the two on
varied text, and the README says how it was checked on the whole corpus. A pattern this
module cannot read (an operator, another attribute) keeps the model's own ruler.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["FastAttributeRuler", "UnsupportedPattern", "use_fast_attribute_ruler"]

# What a token pattern may test, as the column it reads in the signature below.
_TESTED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# A token's signature: what the rules read and what they may change.
_SIGNATURE = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]
# The attributes the rules may set, and their column in the signature (= in the output row).
_OUTPUT = [TAG, POS, MORPH, LEMMA, DEP]
_OUTPUT_FROM_SIGNATURE = (0, 4, 5, 6, 2)
_CACHE_MAX = 200_000  # entries per cache: a bound on memory over an unending vocabulary
# Stands for every lowercase form that no rule names or matches: the rules treat all such words
# alike, so their signatures share one entry (about 3,000 signatures for a corpus of 1.3M
# tokens instead of 112,000).
_OTHER_WORD = -1


class UnsupportedPattern(ValueError):
    """A pattern that this module does not evaluate (the model's ruler is kept)."""


def _predicate(attr: str, value, strings) -> tuple[Callable[[tuple], bool], frozenset | None]:
    """A test of one attribute of a signature, as the Matcher compares it (by string id), and
    the ids it accepts when it is an equality or ``IN`` test (for the index), else None."""
    if attr not in _TESTED:
        raise UnsupportedPattern(f"attribute {attr}")
    col = _TESTED[attr]
    if isinstance(value, (bool, str)):
        wanted = int(value) if isinstance(value, bool) else get_string_id(value)
        return (lambda sig: sig[col] == wanted), frozenset([wanted])
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            ids = frozenset(map(get_string_id, arg))
            if op == "IN":
                return (lambda sig: sig[col] in ids), ids
            return (lambda sig: sig[col] not in ids), None
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return (lambda sig: sig[col] != _OTHER_WORD and bool(regex.search(strings[sig[col]]))), None
    raise UnsupportedPattern(f"{attr}: {value!r}")


def _token_test(token_pattern: dict, strings) -> tuple[Callable[[tuple], bool], dict[int, frozenset]]:
    """A test of a signature against one token pattern, and the ids it accepts per column
    where it tests equality or membership."""
    if "OP" in token_pattern:
        raise UnsupportedPattern("OP")
    tests, accepted = [], {}
    for attr, value in token_pattern.items():
        test, ids = _predicate(attr, value, strings)
        tests.append(test)
        if ids is not None:
            accepted[_TESTED[attr]] = ids
    return (lambda sig: all(test(sig) for test in tests)), accepted


class FastAttributeRuler:
    """A drop-in for the model's loaded ``attribute_ruler``: the same rules, the same output."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.single: list[tuple[int, Callable, dict]] = []  # (rule, test, attrs), in rule order
        self.multi: list[tuple[int, list[Callable], int, dict]] = []  # (rule, tests, index, attrs)
        # One-token rules indexed by the columns they test for equality (most test a tag, or a
        # tag and a word): a new signature is tested against its few candidates only.
        self.index: dict[tuple[int, ...], dict[tuple, list[int]]] = {}
        self.unindexed: list[int] = []
        # What makes a lowercase form one that the rules tell apart from others: the forms they
        # name (equal to, in or not in a list) and their regexes.
        named_words: set[int] = set()
        self.word_regexes: list[re.Pattern] = []
        for rule, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            for pattern in ruler.matcher.get(str(rule))[1]:
                for token_pattern in pattern:
                    value = token_pattern.get("LOWER")
                    if isinstance(value, str):
                        named_words.add(get_string_id(value))
                    elif isinstance(value, dict):
                        for op in ("IN", "NOT_IN"):
                            named_words.update(map(get_string_id, value.get(op, ())))
                        if "REGEX" in value:
                            self.word_regexes.append(re.compile(value["REGEX"]))
                tests = [_token_test(p, strings) for p in pattern]
                if len(tests) > 1:
                    self.multi.append((rule, [test for test, _ in tests], index, attrs))
                    continue
                test, accepted = tests[0]
                position = len(self.single)
                self.single.append((rule, test, attrs))
                if not accepted:
                    self.unindexed.append(position)
                    continue
                columns = tuple(sorted(accepted))
                by_key = self.index.setdefault(columns, {})
                for key in itertools.product(*(accepted[c] for c in columns)):
                    by_key.setdefault(key, []).append(position)
        self.strings = strings
        self.named_words = frozenset(named_words)
        self._word_named: dict[int, bool] = {}
        # signature -> (output row, [(rule, attrs)] of one-token rules, multi-token rules whose
        # first token it matches)
        self._known: dict[tuple, tuple[tuple, list, tuple[int, ...]]] = {}

    def _entry(self, sig: tuple) -> tuple[tuple, list, tuple[int, ...]]:
        entry = self._known.get(sig)
        if entry is None:
            candidates = set(self.unindexed)
            for columns, by_key in self.index.items():
                candidates.update(by_key.get(tuple(sig[c] for c in columns), ()))
            matches = [(rule, attrs) for rule, test, attrs in map(self.single.__getitem__, sorted(candidates))
                       if test(sig)]
            starts = tuple(k for k, (_, tests, _, _) in enumerate(self.multi) if tests[0](sig))
            entry = (_fold(sig, matches), matches, starts)
            if len(self._known) < _CACHE_MAX:
                self._known[sig] = entry
        return entry

    def _named(self, word: int) -> bool:
        """Whether a rule names or matches the lowercase form ``word``."""
        named = word in self.named_words or any(r.search(self.strings[word]) for r in self.word_regexes)
        if len(self._word_named) < _CACHE_MAX:
            self._word_named[word] = named
        return named

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        sigs = doc.to_array(_SIGNATURE).tolist()
        named, known = self._word_named, self._known
        for sig in sigs:
            word = sig[1]
            if not (named.get(word) or (word not in named and self._named(word))):
                sig[1] = _OTHER_WORD  # a lowercase form no rule names or matches
        sigs = list(map(tuple, sigs))
        entries = [known.get(sig) or self._entry(sig) for sig in sigs]
        rows = [entry[0] for entry in entries]
        extra: dict[int, list] = {}  # token -> [(rule, attrs)] of multi-token rules
        for start, (_, _, starts) in enumerate(entries):
            for k in starts:
                rule, tests, index, attrs = self.multi[k]
                end = start + len(tests)
                if end <= len(sigs) and all(test(sig) for test, sig in zip(tests[1:], sigs[start + 1:end])):
                    extra.setdefault(start + index if index >= 0 else end + index, []).append((rule, attrs))
        for i, matches in extra.items():
            rows[i] = _fold(sigs[i], entries[i][1] + matches)
        doc.from_array(_OUTPUT, numpy.array(rows, dtype=numpy.uint64))
        return doc


def _fold(sig: tuple, matches: list[tuple[int, dict]]) -> tuple:
    """The output row of a token: its attributes with each matching rule's set, in rule order
    (the ruler sorts its matches by rule, so a later rule wins)."""
    row = dict(zip(_OUTPUT, (sig[c] for c in _OUTPUT_FROM_SIGNATURE)))
    for _, attrs in sorted(matches, key=lambda m: m[0]):
        for attr, value in attrs.items():
            if attr in row:
                row[attr] = value
    return tuple(row[a] for a in _OUTPUT)


@Language.factory("fast_attribute_ruler")
def _make(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def use_fast_attribute_ruler(nlp: Language) -> Language:
    """Put :class:`FastAttributeRuler` in the place of ``nlp``'s ``attribute_ruler`` (under the
    same name), unless a pattern is one it does not read. Returns ``nlp``."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe("fast_attribute_ruler", after="attribute_ruler")
    except UnsupportedPattern:
        return nlp
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe("fast_attribute_ruler", "attribute_ruler")
    return nlp
