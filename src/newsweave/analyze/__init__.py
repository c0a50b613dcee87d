"""Analysis: an Article to spans of sentences, entities, quantities, quotes and dates."""
