"""The numbers in one article: reading them (parse), what they count and how they are hedged (context),
the figures table (records), figures that disagree (consistency), user-checked reference figures
(reference) and vague quantities ("thousands of", "numerous")."""
