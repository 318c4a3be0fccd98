"""The brief: the summary of a story, and its JSON, Markdown and HTML renderings."""
