"""Cross-checking: what the articles of one story say about the same things."""
