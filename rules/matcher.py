"""Keyword search over Thai text on word boundaries.

All concept keywords of a rule set are compiled into one :class:`KeywordMatcher`.
Text and keywords are compared in the compact form of :func:`rules.text.compact_text`
(normalised, lower-case, spaces between Thai letters removed).  A keyword
shorter than ``anywhere_min_chars`` must start and end on a pythainlp token
boundary, so ``ข่าว`` does not match inside an unrelated word; longer keywords
are specific enough to match anywhere, which keeps matching robust where a
PDF text layer splits words.  Overlapping matches are resolved by span: a
match that lies inside a longer match of another concept is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rules.text import compact_text, token_boundaries

_PREFIX = 3  # every keyword has at least 3 characters (checked on load)


def _damage_variants(compact: str) -> set[str]:
    """The keyword, and how PDF text layers commonly damage it: sara am (ำ)
    dropped to sara aa (า) and sara aa turned into sara am."""
    variants = {compact}
    if "\u0e33" in compact:
        variants.add(compact.replace("\u0e33", "\u0e32"))
    if "\u0e32" in compact and len(compact) >= 6:
        variants.add(compact.replace("\u0e32", "\u0e33"))
    return variants


@dataclass(frozen=True)
class Match:
    concept: str
    keyword: str   # the keyword as written in the rule set
    start: int
    end: int
    weak: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


_LATIN_CHAR = re.compile(r"[a-z0-9]")


def _latin_word_edges(compact: str, start: int, end: int) -> bool:
    """A keyword that starts or ends with a Latin letter is a whole Latin word:
    "sop" is not inside "sophia" (a plural "s" may follow: "annual reports")."""
    if _LATIN_CHAR.match(compact[start]) and start > 0 and _LATIN_CHAR.match(compact[start - 1]):
        return False
    if _LATIN_CHAR.match(compact[end - 1]) and end < len(compact):
        tail = compact[end:end + 2]
        if _LATIN_CHAR.match(tail[:1]):
            plural = tail[:1] == "s" and not _LATIN_CHAR.match(compact[end + 1:end + 2] or " ")
            if not plural:
                return False
    return True


class KeywordMatcher:
    def __init__(
        self, keywords: Iterable[tuple[str, str, bool]], anywhere_min_chars: int = 7,
        anywhere_concepts: Iterable[str] = (),
    ) -> None:
        """``keywords``: (concept id, keyword as written, weak) triples.

        Keywords of ``anywhere_concepts`` (decoys) match inside words too: a
        decoy only claims a span, so a generous match costs nothing.
        """
        self.anywhere_min_chars = anywhere_min_chars
        self.anywhere_concepts = frozenset(anywhere_concepts)
        self._index: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
        terms = set()
        for concept, keyword, weak in keywords:
            compact = compact_text(keyword)
            if len(compact) < _PREFIX:
                raise ValueError(f"keyword {keyword!r} is shorter than {_PREFIX} characters")
            for variant in _damage_variants(compact):
                terms.add(variant)
                self._index[variant[:_PREFIX]].append((variant, concept, keyword, weak))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))
        # Candidate start positions are found in C by one regex over all prefixes.
        prefixes = sorted(self._index, key=len, reverse=True)
        self._starts = re.compile("(?=(" + "|".join(map(re.escape, prefixes)) + "))") \
            if prefixes else None
        # Keywords join the tokenizer dictionary so they come out as whole tokens.
        self.terms = frozenset(t for t in terms if " " not in t)

    def find_all(
        self, text: str, compacted: bool = False, long_only: bool = False
    ) -> list[Match]:
        """Every keyword occurrence in ``text`` (before span resolution).

        ``long_only`` skips keywords that need word boundaries, so the text is
        never tokenised: for long bodies, where a short word counts little.
        """
        compact = text if compacted else compact_text(text)
        if not compact:
            return []
        bounds: set[int] | None = None
        found: list[Match] = []
        index = self._index
        if self._starts is None:
            return found
        for candidate in self._starts.finditer(compact):
            pos = candidate.start()
            entries = index.get(compact[pos:pos + _PREFIX])
            if not entries:
                continue
            for kw, concept, original, weak in entries:
                if not compact.startswith(kw, pos):
                    continue
                end = pos + len(kw)
                if not _latin_word_edges(compact, pos, end):
                    continue
                if len(kw) < self.anywhere_min_chars and concept not in self.anywhere_concepts:
                    if long_only:
                        continue
                    if bounds is None:
                        bounds = token_boundaries(compact, self.terms)
                    if pos not in bounds or end not in bounds:
                        continue
                found.append(Match(concept, original, pos, end, weak))
        return found

    def find(self, text: str, compacted: bool = False, long_only: bool = False) -> list[Match]:
        """Matches after span resolution: longest first; a match inside a longer
        match is dropped (it is the same word, or a word of another concept)."""
        kept: list[Match] = []
        for m in sorted(self.find_all(text, compacted, long_only), key=lambda m: (-m.length, m.start)):
            covered = any(
                k.start <= m.start and m.end <= k.end and k.length > m.length for k in kept
            )
            if not covered:
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)
