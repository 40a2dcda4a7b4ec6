"""The public figures an article names: people and organisations with their descriptors, whether they
get a voice and the tone around them."""
