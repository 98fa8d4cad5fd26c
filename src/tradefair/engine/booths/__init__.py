"""Booth allocation: exhibitors placed on a hall grid by pavilion, sector and priority."""
