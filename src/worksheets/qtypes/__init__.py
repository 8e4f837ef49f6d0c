"""The question types, one module each; this registry is the only list of them.

To add a type: write `qtypes/NAME.py` with its spec model, its `lower` function and
`TYPE = QuestionType(...)`, add it to REGISTERED below, and register its writers' handlers
(see docs/architecture.md).
"""

from __future__ import annotations

from worksheets.qtypes import (
    choice,
    cloze,
    crossword,
    label,
    matching,
    numeric,
    ordering,
    table,
    true_false,
    wordsearch,
    written,
)
from worksheets.qtypes.base import QuestionType

REGISTERED: tuple[QuestionType, ...] = (written.TYPE, choice.TYPE, true_false.TYPE, cloze.TYPE, matching.TYPE,
                                        ordering.TYPE, numeric.TYPE, table.TYPE,
                                        label.TYPE, wordsearch.TYPE, crossword.TYPE)
QUESTION_TYPES: dict[str, QuestionType] = {t.name: t for t in REGISTERED}
"""Every question type by its `type:` name, in the order the docs list them."""
