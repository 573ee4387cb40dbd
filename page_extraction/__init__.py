"""page_extraction."""
