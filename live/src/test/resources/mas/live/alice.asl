// Greets, passes on a note whose text is markup, then threatens bob: the monitor quarantines her.
!start.

+!start
    <- .send(bob, tell, greeting(1));
       .send(carol, tell, greeting(1));
       .send(carol, tell, note("<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script>"));
       .send(bob, tell, threat(1)).

// Told by the monitor that the quarantine is lifted, she believes herself free.
-vigil_sanction(quarantine, _)[source(vigil)] <- +free.
