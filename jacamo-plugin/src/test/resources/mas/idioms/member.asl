// The team: each member calls the next one to a meeting three times; none calls dave.
!start.
+!start : next(N) <- .wait(200); .send(N, tell, call(meeting1)); .wait(100); .send(N, tell, call(meeting2));
    .wait(100); .send(N, tell, call(meeting3)).
+!start.
