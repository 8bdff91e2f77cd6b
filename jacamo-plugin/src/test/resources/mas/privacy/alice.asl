!start.

+!start <- .send(bob, tell, secret(formula)); .send(bob, tell, hello(1)).

+ack[source(bob)] <- .send(bob, achieve, count_secrets).

+vigil_warning(Rule, Value, Detail)[source(vigil)] <- .print("warned about ", Value, ": ", Detail).
