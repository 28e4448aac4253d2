"""Rules over matched documents. Each rule is a function (doc, matches) -> findings."""
