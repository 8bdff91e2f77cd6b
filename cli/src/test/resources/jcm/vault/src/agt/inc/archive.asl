// Included by the auditor, found through JaCaMo's default asl-path (src/agt/inc).
archive_name(archive).
