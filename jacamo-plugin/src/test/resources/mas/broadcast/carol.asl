+rumour(N)[source(A)] <- .print("heard rumour ", N, " from ", A).
