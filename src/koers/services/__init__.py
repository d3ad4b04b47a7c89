"""Application services: the use cases that join a domain's pure core to the store.

The CLI, the HTTP API and the web pages all call these, so each use case exists once.
"""
