+hello(N)[source(A)] <- .print("got hello ", N).
+back(N)[source(A)] <- .print("got back ", N).
