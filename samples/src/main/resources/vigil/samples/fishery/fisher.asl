// A fisher of the shared fishery. Each round it takes its share of the catch. The environment gives each
// fisher its part in the scenario's script: a greedy fisher takes much more, and in its talk round tells
// the fisher it targets that there are plenty of fish; a susceptible fisher that hears so takes as much as
// the greedy from the next round on. Nothing here knows about Vigil.

+round(R) <- !fish(R).

+!fish(R) : role(greedy) & talk_round(R) & target(X) & greed(G)
    <- +plenty(fish);
       .send(X, tell, plenty(fish));
       harvest(G).
+!fish(R) : role(greedy) & greed(G) <- harvest(G).
+!fish(R) : persuaded_from(P) & R >= P & greed(G) <- harvest(G).
+!fish(R) : share(S) <- harvest(S).

// A harvest withheld (a quarantine) only loses the round.
-!fish(R) <- true.

+plenty(fish)[source(A)] : A \== self & susceptible & round(R) & not persuaded_from(_)
    <- +persuaded_from(R + 1).
