"""One generic spider per source kind: sitemap, site, urls."""
