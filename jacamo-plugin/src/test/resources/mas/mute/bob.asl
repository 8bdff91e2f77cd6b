+hello(N)[source(A)] <- .print("got hello ", N).
