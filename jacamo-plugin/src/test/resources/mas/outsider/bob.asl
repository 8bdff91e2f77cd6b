+spam(N)[source(A)] <- .print("got spam from ", A).
+hello(N)[source(A)] <- .print("got hello from ", A).
+ping(N)[source(A)] <- .print("got ping ", N, " from ", A).
