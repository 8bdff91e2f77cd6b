// In the main container, beside Alice.
+hello_from(C)[source(bob)] <- .print("bob greets me from ", C).

+note(N)[source(alice)] <- .print("alice noted ", N).
