+!done <- .print("done").
