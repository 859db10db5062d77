"""Lists of names found in a sentence, with offsets (data_prep/name_lists.py)."""
from __future__ import annotations

import pytest

from data_prep.name_lists import name_list_items


@pytest.mark.parametrize("text, names", [
    ("Wales: Jones, Smith (Evans 70), Williams, Davies, Morgan, Price.",
     ["Jones", "Smith", "Evans", "Williams", "Davies", "Morgan", "Price"]),
    # a quote glued before the label; a club in brackets is no substitute
    ('"We were good." Hull: Coyne (Burnley), Lee, Ash, Ng, Roe, Fox.', ["Coyne", "Lee", "Ash", "Ng", "Roe", "Fox"]),
    ("Subs: A Brown, Carl Dee-Smith, O'Neill, Mac Van Dyke, Ito, Moss.",
     ["A Brown", "Carl Dee-Smith", "O'Neill", "Mac Van Dyke", "Ito", "Moss"]),
    ("Italy: R de Sousa (Parma); M van der Berg (Agen), C Lo (Treviso), A Bo, L Ri, F Ti (Ru 60).",
     ["R de Sousa", "M van der Berg", "C Lo", "A Bo", "L Ri", "F Ti", "Ru"]),
])
def test_names_of_a_list_with_their_offsets(text, names):
    assert [text[a:b] for a, b in name_list_items(text)] == names


@pytest.mark.parametrize("text", [
    "Jones, Smith, Williams, Davies, Morgan.",  # five items: too short to tell
    "He said, frankly, that Jones, Smith, Williams, Davies and Morgan had left, all of them.",
    'Ferguson: "It was a fine game, we were sharp, they were tired, and we won, deservedly, well."',
])
def test_sentences_that_are_no_list_of_names(text):
    assert name_list_items(text) == []
