!start.

+!start <- .send(bob, tell, offer(cheap)).

+role_revoked(Role)[source(vigil)] <- .print("lost role ", Role).
