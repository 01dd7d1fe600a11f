"""Making and checking maps: the builder (:mod:`.builder`) and validation (:mod:`.validation`)."""
