"""Repair of name spans the statistical NER runs past a name, and removal of junk spans.

Headlines, URLs and bylines make the model tag runs such as "Lindsay Lohan Checks Into Rehab",
"htm Esther Williams", "Creighton past Drake", "Colts 20 - 13" or "joseph - comeaux - jr". A
span is cut at words no name contains (lower-case words other than name particles, numbers,
verbs, commas, a separating dash) and trimmed of edge words that cannot end a name; pieces
that are not names (punctuation, initials such as "O.K", party tags such as "D-N.Y") go.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

#: Labels whose spans are repaired (titles of works keep their verbs and numbers).
REPAIRED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"})
#: Lower-case words found inside names ("Bank of America", "Charles de Gaulle").
NAME_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di", "du",
                            "des", "la", "le", "al", "el", "bin", "ibn", "ben", "y", "dos", "das"})
CONNECTORS = frozenset({"of", "and", "the", "for", "on", "upon", "at", "&", "'n", "n'"}) | NAME_PARTICLES
#: Parts of speech that never start or end a name.
EDGE_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART",
                      "PUNCT", "SYM", "NUM", "INTJ"})
DASHES = frozenset({"-", "–", "—", "--"})
#: Longest lower-case syllable after a spaced hyphen kept in a name ("Il - kyu").
HYPHEN_SYLLABLE = 4
#: Legal forms and country suffixes of companies ("Microsoft Corp", "Apple, Inc.", "Toyota USA").
CORPORATE_SUFFIXES = frozenset({"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited",
                                "llc", "plc", "usa", "ag", "sa", "gmbh", "nv", "lp", "llp"})
#: Party and state tags of US politicians: "D-N.Y", "R-Texas", "I-Vt".
PARTY_TAG = re.compile(r"^[DRI]\s?-\s?[A-Z][A-Za-z.]*\.?$")
#: Only initials: "O.K", "J.", "A. B".
INITIALS_ONLY = re.compile(r"^[A-Za-z](?:\s?[.-]\s?[A-Za-z])*\.?$")


def _spaced_dash(tok: Token) -> bool:
    return tok.text in DASHES and (bool(tok.whitespace_) or tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))


def _breaks(tok: Token, dash_breaks: bool) -> bool:
    """True when a name cannot run through this token."""
    text = tok.text
    if text == "," and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_.rstrip(".") in CORPORATE_SUFFIXES:
        return False  # "Apple, Inc."
    if tok.is_space or any(c.isdigit() or c in "[]{}<>|/_" for c in text) or text in (",", ";", ":", "(", ")"):
        return True  # numbers, separators, editorial brackets ("[T]he", "Mueller, Robert]")
    if text in DASHES:
        return text in ("—", "--") or (dash_breaks and _spaced_dash(tok))
    if tok.is_alpha and tok.is_lower and text not in CONNECTORS:
        return not _hyphen_syllable(tok)
    return tok.pos_ == "VERB" and tok.i > 0


def _hyphen_syllable(tok: Token) -> bool:
    """The lower-case end of a hyphenated name: 'kyu' in 'Ri Il-kyu' (also 'Il - kyu' in text
    tokenised word by word, for a syllable of up to four letters)."""
    if tok.i < 2 or tok.doc[tok.i - 1].text not in DASHES or not tok.doc[tok.i - 2].is_title:
        return False
    glued = not tok.doc[tok.i - 1].whitespace_ and not tok.doc[tok.i - 2].whitespace_
    return glued or len(tok.text) <= HYPHEN_SYLLABLE


def _trim_edges(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].pos_ in EDGE_POS and toks[0].lower_ not in NAME_PARTICLES
                    or toks[0].lower_ in CONNECTORS - NAME_PARTICLES or not any(c.isalnum() for c in toks[0].text)):
        toks = toks[1:]
    while toks and (toks[-1].pos_ in EDGE_POS and toks[-1].text != "."
                    or toks[-1].lower_ in CONNECTORS or not any(c.isalnum() for c in toks[-1].text)
                    or toks[-1].text == "s" and len(toks) > 1 and toks[-2].text in ("'", "’")):
        toks = toks[:-1]
    return toks


def _extend_initial(span: Span) -> Span:
    """'John W' + '. Henry' (text tokenised word by word) -> 'John W . Henry'."""
    doc, end = span.doc, span.end
    if (span.label_ == "PERSON" and end + 1 < len(doc) and len(doc[end - 1].text) == 1
            and doc[end - 1].is_upper and doc[end].text == "." and doc[end + 1].text[:1].isupper()):
        return Span(doc, span.start, end + 2, label=span.label_)
    return span


def is_junk(text: str, label: str) -> bool:
    """Punctuation, one letter, initials as a person, a party tag as an organisation."""
    letters = sum(c.isalpha() for c in text)
    if letters < 2:
        return True
    if label == "PERSON" and INITIALS_ONLY.match(text):
        return True
    return bool(PARTY_TAG.match(text))


def repair_span(span: Span) -> list[Span]:
    """The name pieces of one model span (the span itself when it is clean)."""
    if span.label_ not in REPAIRED_LABELS:
        return [span]
    span = _extend_initial(span)
    toks = list(span)
    dash_breaks = sum(_spaced_dash(t) for t in toks) >= 2 or _long_sides(toks)
    pieces: list[list[Token]] = [[]]
    for tok in toks:
        if tok.i > span.start and "\n" in tok.doc[tok.i - 1].whitespace_:
            pieces.append([])  # a name never runs across a line break
        if _breaks(tok, dash_breaks):
            pieces.append([])
        else:
            pieces[-1].append(tok)
    out = []
    for piece in pieces:
        piece = _trim_edges(piece)
        if piece:
            new = Span(span.doc, piece[0].i, piece[-1].i + 1, label=span.label_)
            if not is_junk(new.text, span.label_):
                out.append(new)
    return out


def _long_sides(toks: list[Token]) -> bool:
    """A single spaced dash with two or more words on each side separates two names."""
    dashes = [i for i, t in enumerate(toks) if _spaced_dash(t)]
    return len(dashes) == 1 and dashes[0] >= 2 and len(toks) - dashes[0] - 1 >= 2
