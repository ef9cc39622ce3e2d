"""Text utilities every stage shares: reading input files safely, front matter, folding, sanitising HTML."""
