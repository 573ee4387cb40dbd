"""The Scrapy project that crawls configured web sources into the raw archive (`archive.py`).

`runner.run_crawl` starts one crawl per source in a child process (`crawl_one`), because
Twisted's reactor cannot be restarted inside one process.
"""
