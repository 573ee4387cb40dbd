"""PubMed: Entrez harvesting over HTTP, the streaming XML parser, file import, the mock server.

- ``parser.iter_pubmed``: PubMed XML (efetch output, baseline/update files) -> Documents.
- ``entrez_client.search`` / ``fetch_batches``: esearch on the history server, efetch batches.
- ``importer.iter_files``: ``.xml`` / ``.xml.gz`` files through the same parser.
- ``mock_eutils.MockEutils``: a loopback E-utilities server for tests and the demo.
"""
