!start.
+!start <- .print("hello").
