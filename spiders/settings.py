"""Scrapy settings of the project: polite defaults pinned here, not left to Scrapy's.

Each crawl overrides the manners from its source's `Politeness` (see `source_settings.py`);
the values below equal `Politeness()`'s defaults so a bare `scrapy` run is polite too.
Middlewares and pipelines are listed in ONE table each, in the order they see a response
(highest number = nearest the downloader = sees the response first).
"""

BOT_NAME = "symptom_evidence"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

# --- manners (overridden per source from evidence.config.Politeness) ------------------------
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"  # CrawlDelayMiddleware reads Protego
USER_AGENT = "SymptomEvidenceBot/0.1 (+mailto:evidence@example.org)"
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 20
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_MAXSIZE = 5_000_000
DOWNLOAD_WARNSIZE = 2_500_000
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False  # no sessions: every page as an anonymous first visit
TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False  # the WARC archive is our cache (conditional requests, replay)
METAREFRESH_ENABLED = True
DEPTH_PRIORITY = 1  # breadth first: a page limit keeps the pages nearest the start
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
LOG_LEVEL = "INFO"

# --- project keys, filled per crawl by source_settings.py ------------------------------------
EVIDENCE_SOURCE = ""
EVIDENCE_ARCHIVE_DIR = ""
EVIDENCE_CONTENT_TYPES = ["text/html", "application/xhtml+xml"]
EVIDENCE_HOST_OVERRIDES: dict[str, str] = {}

# --- the one ordered table of downloader middlewares -----------------------------------------
# process_request runs low -> high, process_response / process_exception high -> low.
DOWNLOADER_MIDDLEWARES = {
    # Scrapy: offsite 50, robots.txt 100
    "spiders.middlewares.CrawlDelayMiddleware": 120,  # after robots.txt is known for the host
    # Scrapy: auth 300, timeout 350, default headers 400, user agent 500
    "spiders.middlewares.ContentFilterMiddleware": 530,  # last word on a final response
    "spiders.middlewares.OutcomeCountMiddleware": 540,  # below retry: counts final failures
    # Scrapy: retry 550, meta refresh 580, compression 590, redirect 600
    "spiders.middlewares.RedirectLoopMiddleware": 610,  # before redirect: stops loops
    # Scrapy: cookies 700 (off)
    "spiders.middlewares.HostOverrideMiddleware": 740,  # sets meta["proxy"] for proxy 750
    # Scrapy: proxy 750, stats 850, http cache 900 (off)
    "spiders.middlewares.ArchiveMiddleware": 950,  # nearest the downloader: archives first
}

ITEM_PIPELINES = {
    "spiders.pipelines.PageCountPipeline": 100,
}
