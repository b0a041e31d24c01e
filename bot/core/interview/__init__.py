"""Interview practice: `/interview` asks open questions and grades answers against key points."""
