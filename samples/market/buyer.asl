+fresh(fish)[source(S)] <- .print(S, " says the fish is fresh").
+vigil_warning(R, V, D) <- .print("warned: ", D).
