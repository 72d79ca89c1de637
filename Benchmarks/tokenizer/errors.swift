// Stands in for LotseSemantic's error type, so the tokenizer's two files compile alone.
enum SemanticModelError: Error { case missing(String), invalid(String) }
