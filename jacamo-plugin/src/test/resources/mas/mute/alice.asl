!start.

+!start <- .send(bob, tell, insult(1)).

// Said while muted: withheld.
+vigil_sanction(mute, Until)[source(vigil)] <- .print("muted"); .send(bob, tell, hello(1)).

// The mute is over: heard again.
-vigil_sanction(mute, _)[source(vigil)] <- .print("unmuted"); .send(bob, tell, hello(2)).
