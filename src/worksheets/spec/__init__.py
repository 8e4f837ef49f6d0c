"""Stage 1: the teacher's files as validated, located models (every key documented).

`yaml` loads a file keeping FILE:LINE:COLUMN of every node, `files` reads and confines files,
the model modules (`base`, `content`, `questions`, `bank`, `worksheet`, `booklet`) define every
key, and `problems` turns pydantic's errors into one line per problem.
"""
