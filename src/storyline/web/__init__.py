"""The local web UI (``storyline serve``) and the HTML rendering shared with ``brief --format html``."""
