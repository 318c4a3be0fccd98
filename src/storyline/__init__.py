"""storyline: many news reports of the same events -> one cross-checked, cited account.

    >>> from storyline import run, Options
    >>> brief = run(["examples/seeds"], Options())
    >>> brief.stories[0].conflicts  # doctest: +SKIP
"""

from storyline.errors import InputError, ModelError, StoreError, StorylineError
from storyline.options import Options
from storyline.pipeline import build_story, run
from storyline.records import Article, Brief, Claim, Entity, Mention, Sentence, Story

__all__ = ["Article", "Brief", "Claim", "Entity", "InputError", "Mention", "ModelError", "Options",
           "Sentence", "StoreError", "Story", "StorylineError", "build_story", "run"]
__version__ = "0.3.0.dev0"
