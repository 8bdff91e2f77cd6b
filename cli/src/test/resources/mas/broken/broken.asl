!start.
+!start <- .print("hello"
+!other <- true.
