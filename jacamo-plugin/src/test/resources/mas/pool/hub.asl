+hello[source(A)] <- .print("hello from ", A).
