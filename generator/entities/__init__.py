"""The entity layer: knowledge base, name matching, mentions, new names, same-event grouping."""
