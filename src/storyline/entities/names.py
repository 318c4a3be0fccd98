"""Name normalisation: keys under which transliteration and spelling variants coincide.

"Ri Il Kyu", "Ri Il-kyu" and "Ri Il-gyu" share a key; so do "Thae Yong Ho" and "Tae Yongho",
"Gaddafi" and "Qaddafi", "Zelensky" and "Zelenskyy"; "Ri Yong Ho" and "Kim Jong Il" keep their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from storyline.nlp.spans import CORPORATE_SUFFIXES

#: Ordered digraph and letter folds for romanised names (Korean, Arabic, Slavic, Chinese
#: spellings differ mostly in voicing, aspiration marks and vowel digraphs).
_DIGRAPHS = (("tch", "j"), ("ch", "j"), ("ph", "f"), ("ck", "k"), ("eo", "o"), ("ee", "i"),
             ("oo", "u"), ("ou", "u"), ("ae", "e"))
_LETTERS = str.maketrans({"q": "k", "c": "k", "g": "k", "d": "t", "b": "p", "z": "s", "v": "w",
                          "x": "ks"})
#: Outlet-name words with the same meaning ("Chosun Ilbo" is "Chosun Daily").
OUTLET_SYNONYMS = {"ilbo": "daily", "shimbun": "daily", "nippo": "daily", "sinmun": "daily",
                   "sinmun's": "daily"}
DROP_WORDS = {"the", "newspaper", "news", "agency"}
STOP_IN_INITIALS = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"}
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: Honorifics and titles that spaCy sometimes includes in a PERSON span ("Mr. Trump").
HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Sir|Dame|Det|Crown Prince|"
    r"President|Vice President|Prime Minister|Senator|Governor|Judge|Justice|Chancellor|"
    r"Pope|Mayor|Secretary|Minister|Ambassador|Attorney General|Attorney|Coach|Detective|Officer|Deputy|"
    r"Sheriff|Rabbi|Imam|Pastor|Reverend|Congressman|Congresswoman|Representative|"
    r"Commissioner|Inspector|QB|RB|WR|LB|CB|LHP|RHP)\.?\s+)+(?=[A-Z])")
#: Generational suffixes of people ("Arcade Joseph Comeaux Jr.").
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A quoted nickname inside a name: Vincent "The Chin" Gigante.
QUOTED = re.compile(r"\s[\"“'‘`]{1,2}\s?[^\"”'’`]+?\s?[\"”'’`]{1,2}(?=\s)")


def clean_surface(text: str) -> str:
    """Surface form without possessive, leading article, trailing punctuation or spaces."""
    text = " ".join(text.split())
    text = re.sub(r"\s?['’]\s?s$", "", text)  # "Lohan ’ s" in text tokenised word by word
    text = POSSESSIVE.sub("", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = HONORIFIC.sub("", text)
    if re.search(r"\b[A-Z]\.[A-Z]\.$", text):  # "U.S.", "D.C." keep their last period
        return text.lstrip(" -–—,.;:\"'“”‘’()")
    return text.strip(" -–—,.;:\"'“”‘’()[]")


@lru_cache(maxsize=65536)
def tokens_of(text: str) -> tuple[str, ...]:
    """Lower-case ASCII name tokens; hyphens and dots split tokens."""
    ascii_text = unidecode(clean_surface(text)).lower()
    return tuple(t for t in re.split(r"[^a-z0-9']+", ascii_text) if t and t != "'")


@lru_cache(maxsize=65536)
def core_tokens(text: str) -> tuple[str, ...]:
    """Name tokens without a quoted nickname, a legal form or a generational suffix:
    'Microsoft Corp.' -> (microsoft,), 'Vincent "The Chin" Gigante' -> (vincent, gigante)."""
    tokens = list(tokens_of(QUOTED.sub(" ", f" {clean_surface(text)} ")))
    while len(tokens) > 1 and (tokens[-1] in CORPORATE_SUFFIXES or tokens[-1] in GENERATIONAL):
        tokens.pop()
    return tuple(tokens)


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """A folded spelling of one name token (voicing, aspiration and vowel digraphs merged)."""
    word = token.lower().replace("'", "")
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = word.translate(_LETTERS)
    word = re.sub(r"(?<=[^aeiouy])h", "", word)  # aspiration marks: th/kh/gh/dh/sh -> t/k/g/d/s
    word = re.sub(r"(.)\1+", r"\1", word)
    return word[:-1] + "i" if len(word) > 2 and word.endswith("y") else word


def name_key(text: str, label: str = "") -> str:
    """The key two spellings of one name share: folded tokens, spaces and hyphens removed."""
    tokens = list(core_tokens(text))
    if label == "ORG":
        tokens = [OUTLET_SYNONYMS.get(t, t) for t in tokens if t not in DROP_WORDS] or tokens
    if label == "NORP" and tokens and tokens[-1].endswith("s") and len(tokens[-1]) > 3:
        tokens[-1] = tokens[-1][:-1]  # "North Koreans" -> "North Korean"
    return phonetic("".join(tokens))


def initials(text: str) -> str:
    """'National Intelligence Service' -> 'NIS'."""
    words = [w for w in re.split(r"[\s-]+", clean_surface(text)) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in STOP_IN_INITIALS and w[0].isalpha())


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", clean_surface(text)))
