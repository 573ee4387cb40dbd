"""Main text from HTML pages: canonical URLs, citation domains, text with headings, metadata.

`urls` is import-light on purpose (the crawler imports it); `extract` pulls in trafilatura.
"""
