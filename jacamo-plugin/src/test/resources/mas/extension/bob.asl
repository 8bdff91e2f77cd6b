+offer(X)[source(A)] <- .print("offer from ", A).
