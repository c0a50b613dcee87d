"""The brief: what a set of articles about one story says, cited passage by passage."""
